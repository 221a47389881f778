// lmsstage-hello: a C++ program that writes one line through std::cout, linked as lmsstage is (the
// C++ runtime linked in, the C library shared: lmsstage_program_link). bench/compare.sh runs it
// beside /bin/true and a case from flags: what starting a program linked this way costs by itself,
// and so how much of a case's time is the program's own.
#include <iostream>

int main() {
    std::cout << "Stage III\n";
    return 0;
}
