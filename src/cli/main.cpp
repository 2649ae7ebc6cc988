#include "app.hpp"

int main(int argc, char** argv) { return kb::cli::run(argc, argv); }
