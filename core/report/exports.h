#pragma once

#include "project/project.h"

#include <filesystem>
#include <string>
#include <vector>

namespace fathom::report {

// A project's contacts and alerts as files other tools read. Each writer is atomic (a half-written
// file never replaces a good one) and throws Error naming the file when it cannot write.
enum class Format { Csv, GeoJson, Kml };

// By the file's extension: .csv, .geojson/.json, .kml; throws Error for any other.
Format formatFor(const std::filesystem::path& file);

// Contacts with their positions (x = longitude, y = latitude), sizes, class, score and review.
void writeContacts(const std::vector<project::ContactRecord>& contacts, const std::filesystem::path& file);
// Alerts with their times, rows, score, channels, model and review (CSV or GeoJSON without
// geometry: alerts are moments, not places).
void writeAlerts(const std::vector<project::AlertRecord>& alerts, const std::filesystem::path& file);

} // namespace fathom::report
