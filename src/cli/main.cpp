#include "kb/util/diagnostic.hpp"
int main() { return 0; }
