#include "agent/cli.hpp"

int main(int argc, char** argv) { return nd::run_cli(argc, argv); }
