// Writes the bash, zsh and fish completion scripts into a directory, at build time, until the
// program itself prints them (`lmsstage completion SHELL`). Not installed.
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/completion.hpp"

namespace {

/// The file name each shell looks for in its completion directory.
std::string file_name(std::string_view shell) {
    if (shell == "zsh") {
        return "_lmsstage";
    }
    if (shell == "fish") {
        return "lmsstage.fish";
    }
    return "lmsstage";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: gen_completions DIRECTORY\n";
        return 64;
    }
    try {
        for (const std::string_view shell : lmsstage::cli::completion_shells()) {
            const std::string path = std::string(argv[1]) + "/" + file_name(shell);
            std::ofstream file(path, std::ios::binary);
            file << lmsstage::cli::completion_script(shell);
            file.close();
            if (!file) {
                std::cerr << "gen_completions: cannot write " << path << '\n';
                return 74;
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "gen_completions: " << e.what() << '\n';
        return 70;
    }
    return 0;
}
