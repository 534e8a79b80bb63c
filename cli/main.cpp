#include <cli/app.hpp>

int main(int argc, char **argv) { return pm::cli::run(argc, argv); }
