// pultd: the help desk server. Its commands live in pult_server (server/pultdcommands.cpp).

#include "pultdcommands.h"

#include <string_view>
#include <vector>

int main(int argc, char *argv[])
{
    return Pult::runPultd(std::vector<std::string_view>(argv + 1, argv + argc));
}
