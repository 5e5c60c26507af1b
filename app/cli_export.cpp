#include "cli_sonar.h"

#include "common/error.h"
#include "project/project.h"
#include "report/exports.h"

#include <iostream>

namespace fathom::cli {

void addExportCommand(CLI::App& app)
{
    auto project = std::make_shared<std::string>();
    auto contacts = std::make_shared<std::string>();
    auto alerts = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("export", "A project's contacts and alerts as CSV, GeoJSON or KML");
    cmd->add_option("project", *project, "A .fathom project")->required();
    cmd->add_option("--contacts", *contacts, "contacts.csv, .geojson or .kml");
    cmd->add_option("--alerts", *alerts, "alerts.csv or .geojson");
    cmd->callback([=] {
        if (contacts->empty() && alerts->empty())
            throw Error("nothing to export: give --contacts and/or --alerts");
        // Formats are checked before anything is written, so a typo writes nothing at all.
        if (!contacts->empty())
            report::formatFor(*contacts);
        if (!alerts->empty() && report::formatFor(*alerts) == report::Format::Kml)
            throw Error(*alerts + ": alerts are moments, not places; write them as .csv or .geojson");
        const auto p = project::load(*project);
        if (!contacts->empty()) {
            report::writeContacts(p.contacts, *contacts);
            std::cerr << p.contacts.size() << " contacts written to " << *contacts << "\n";
        }
        if (!alerts->empty()) {
            report::writeAlerts(p.alerts, *alerts);
            std::cerr << p.alerts.size() << " alerts written to " << *alerts << "\n";
        }
    });
}

} // namespace fathom::cli
