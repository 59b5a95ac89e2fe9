#include "pultdoptions.h"
#include "server.h"

#include <iostream>
#include <string_view>
#include <vector>

int main(int argc, char *argv[])
{
    const Pult::PultdOptions options =
        Pult::parsePultdArguments(std::vector<std::string_view>(argv + 1, argv + argc));
    switch (options.action) {
    case Pult::PultdOptions::Action::Help:
        std::cout << Pult::pultdUsage();
        return 0;
    case Pult::PultdOptions::Action::Version:
        std::cout << "pultd " << PULT_VERSION << '\n';
        return 0;
    case Pult::PultdOptions::Action::UsageError:
        std::cerr << "pultd: " << options.error << "\nTry 'pultd --help' for more information.\n";
        return 2;
    case Pult::PultdOptions::Action::Run:
        break;
    }

    Pult::Server server(options.config);
    if (const Pult::ServerStatus status = server.start(); !status.good()) {
        std::cerr << "pultd: " << status.error << '\n';
        return 1;
    }
    // Tests and scripts wait for this line; it carries the real port when port 0 was asked.
    std::cout << "pultd listening on " << server.url() << std::endl;
    server.run();
    return 0;
}
