#include "cli_sonar.h"

#include "common/error.h"
#include "project/project.h"
#include "report/exports.h"
#include "report/mosaic.h"
#include "sonar/sonarfile.h"

#include <iostream>

namespace fathom::cli {

void addExportCommand(CLI::App& app)
{
    auto project = std::make_shared<std::string>();
    auto contacts = std::make_shared<std::string>();
    auto alerts = std::make_shared<std::string>();
    auto mosaic = std::make_shared<std::string>();
    auto waterfall = std::make_shared<std::string>();
    auto resolution = std::make_shared<double>(0.0);
    auto* cmd = app.add_subcommand(
        "export", "A project's contacts and alerts as CSV, GeoJSON or KML; its survey as a GeoTIFF mosaic or PNG");
    cmd->add_option("project", *project, "A .fathom project")->required();
    cmd->add_option("--contacts", *contacts, "contacts.csv, .geojson or .kml");
    cmd->add_option("--alerts", *alerts, "alerts.csv or .geojson");
    cmd->add_option("--mosaic", *mosaic, "The survey laid on the map, contacts boxed: a GeoTIFF (UTM, WGS 84)");
    cmd->add_option("--resolution", *resolution, "Metres per pixel of the mosaic (default: about one sample)");
    cmd->add_option("--waterfall", *waterfall, "The waterfall, ground-range corrected, contacts boxed: a PNG");
    cmd->callback([=] {
        if (contacts->empty() && alerts->empty() && mosaic->empty() && waterfall->empty())
            throw Error("nothing to export: give --contacts, --alerts, --mosaic and/or --waterfall");
        // Formats are checked before anything is written, so a typo writes nothing at all.
        if (!contacts->empty())
            report::formatFor(*contacts);
        if (!alerts->empty())
            report::formatFor(*alerts);
        const auto p = project::load(*project);
        if (!alerts->empty() && report::formatFor(*alerts) == report::Format::Kml && p.survey.empty())
            throw Error(*alerts + ": the project has no survey to place its alerts; write them as .csv or .geojson");
        if (!contacts->empty()) {
            report::writeContacts(p.contacts, *contacts);
            std::cerr << p.contacts.size() << " contacts written to " << *contacts << "\n";
        }
        if (!alerts->empty()) {
            // Alerts are placed where the towfish was at their peak when the survey covers them.
            report::Places places;
            if (!p.survey.empty())
                try {
                    places = report::alertPlaces(*sonar::open(p.survey), p.alerts);
                } catch (const Error& e) {
                    std::cerr << "fathom-cli: alerts written without places: " << e.what() << "\n";
                }
            report::writeAlerts(p.alerts, *alerts, places);
            std::cerr << p.alerts.size() << " alerts written to " << *alerts << "\n";
        }
        if (!mosaic->empty() || !waterfall->empty()) {
            if (p.survey.empty())
                throw Error(*project + ": the project has no sidescan file for a mosaic or waterfall");
            const auto file = sonar::open(p.survey);
            if (!mosaic->empty()) {
                report::MosaicOptions options;
                options.resolution = *resolution;
                const auto info = report::writeMosaic(*file, p.contacts, *mosaic, options);
                std::cerr << *mosaic << ": " << info.width << " x " << info.height << " pixels of " << info.resolution
                          << " m" << (info.epsg ? ", EPSG:" + std::to_string(info.epsg) : "") << "\n";
            }
            if (!waterfall->empty()) {
                report::writeWaterfallPng(*file, p.contacts, *waterfall);
                std::cerr << *waterfall << " written\n";
            }
        }
    });
}

} // namespace fathom::cli
