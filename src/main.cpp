#include "cli/app.hpp"

int main(int argc, char** argv) { return lmsstage::cli::main_entry(argc, argv); }
