#include "agent/cli.hpp"

#include <iostream>

#include "agent/commands/command.hpp"
#include "agent/commands/commands.hpp"
#include "agent/logging.hpp"

namespace nd {

int run_cli(int argc, char** argv) {
    CLI::App app{"netdossier: network discovery agent that keeps a client dossier true"};
    app.require_subcommand(1);
    GlobalOptions global;
    app.add_flag("-v,--verbose", global.verbose, "Debug logging");
    app.add_flag("-q,--quiet", global.quiet, "Errors only");
    app.parse_complete_callback([&] { init_logging(global.verbose, global.quiet); });

    // ADD NEW COMMANDS HERE: one line each, in the order `--help` lists them.
    add_scan_command(app, global);
    add_export_command(app, global);
    add_identify_command(app, global);
    add_explain_command(app, global);
    add_fingerprint_report_command(app, global);
    add_daemon_command(app, global);
    add_backup_command(app, global);
    add_annotate_command(app, global);
    add_changes_command(app, global);
    add_merge_command(app, global);
    add_split_command(app, global);



    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const CommandError& e) {
        std::cerr << "netdossier: " << e.message << "\n";
        return e.exit_code;
    } catch (const std::exception& e) {
        std::cerr << "netdossier: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace nd
