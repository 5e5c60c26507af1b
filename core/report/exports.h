#pragma once

#include "project/project.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fathom::sonar {
class SonarFile;
}

namespace fathom::report {

// A project's contacts and alerts as files other tools read. Each writer is atomic (a half-written
// file never replaces a good one) and throws Error naming the file when it cannot write.
enum class Format { Csv, GeoJson, Kml };

// By the file's extension: .csv, .geojson/.json, .kml; throws Error for any other.
Format formatFor(const std::filesystem::path& file);

// Contacts with their positions (x = longitude, y = latitude), sizes, class, score and review.
void writeContacts(const std::vector<project::ContactRecord>& contacts, const std::filesystem::path& file);
// Where the towfish was at each alert's peak (x = longitude, y = latitude), when a survey covers it.
struct Place
{
    double x = 0, y = 0;
};
using Places = std::vector<std::optional<Place>>;
// From the survey's navigation: the ping nearest each alert's peak time, for alerts inside the
// survey's time span (alerts of a series without time, or outside the span, have no place).
Places alertPlaces(const sonar::SonarFile& survey, const std::vector<project::AlertRecord>& alerts);

// Alerts with their times, rows, score, channels, model and review: CSV, GeoJSON (a point where
// `places` has one, no geometry otherwise) or KML (the alerts that have a place; an Error naming
// the file when none has: alerts without a survey are moments, not places).
void writeAlerts(const std::vector<project::AlertRecord>& alerts, const std::filesystem::path& file,
                 const Places& places = {});

} // namespace fathom::report
