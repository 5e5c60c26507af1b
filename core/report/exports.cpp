#include "exports.h"
#include "reportparts.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/timeformat.h"
#include "sonar/sonarfile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace fathom::report {

namespace {

using nlohmann::json;

// CSV cells with a comma, quote or line break are quoted, quotes doubled.
std::string cell(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Centimetres for sizes and ranges, three decimals for scores: what the measures hold, and what
// a GIS's attribute table shows without 12.79715663379405.
double rounded(double v, double unit)
{
    return std::round(v / unit) * unit;
}

json contactProperties(const project::ContactRecord& c)
{
    return {{"ping", c.ping},
            {"side", c.side ? "starboard" : "port"},
            {"time", formatUtc(c.time, TimeStyle::IsoMillis)},
            {"ground_range_m", rounded(c.groundRange, 0.01)},
            {"length_m", rounded(c.length, 0.01)},
            {"width_m", rounded(c.width, 0.01)},
            {"height_m", c.height > 0 ? json(rounded(c.height, 0.01)) : json(nullptr)}, // null: no shadow found
            // Floating in the water column: how high above the seabed (0: no shadow placed it); null on it.
            {"above_seabed_m", c.inWaterColumn() ? json(rounded(c.aboveSeabed, 0.01)) : json(nullptr)},
            {"class", c.cls},
            {"score", rounded(c.score, 0.001)},
            // What the CNN made of a box it did not propose (the analyst's, the classical detector's).
            {"cnn_objectness", c.cnnClass.empty() ? json(nullptr) : json(rounded(c.cnnObjectness, 0.001))},
            {"detector", c.detector},
            {"status", c.status},
            {"note", c.note}};
}

void contactsCsv(const std::vector<project::ContactRecord>& contacts, std::ostream& out)
{
    out << "ping,side,time,longitude,latitude,ground_range_m,length_m,width_m,height_m,above_seabed_m,class,score,"
           "cnn_objectness,detector,status,note\n";
    for (const auto& c : contacts)
        out << c.ping << "," << (c.side ? "starboard" : "port") << "," << formatUtc(c.time, TimeStyle::IsoMillis) << ","
            << fixed(c.x, 8) << "," << fixed(c.y, 8) << "," << fixed(c.groundRange, 2) << "," << fixed(c.length, 2)
            << "," << fixed(c.width, 2) << "," << (c.height > 0 ? fixed(c.height, 2) : std::string()) << ","
            << (c.inWaterColumn() ? fixed(c.aboveSeabed, 2) : std::string()) << "," << cell(c.cls) << ","
            << fixed(c.score, 3) << "," << (c.cnnClass.empty() ? std::string() : fixed(c.cnnObjectness, 3)) << ","
            << cell(c.detector) << "," << c.status << "," << cell(c.note) << "\n";
}

void contactsGeoJson(const std::vector<project::ContactRecord>& contacts, std::ostream& out)
{
    json features = json::array();
    for (const auto& c : contacts)
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", {c.x, c.y}}}},
                            {"properties", contactProperties(c)}});
    out << json{{"type", "FeatureCollection"}, {"features", features}}.dump(2) << "\n";
}

// A placemark's fields as KML's typed ExtendedData (a Schema, then SchemaData in each placemark):
// Google Earth shows them as a table, QGIS and GDAL read them as attributes with their types (a
// JSON blob in the description was one unreadable string to all of them). A null is left out.
struct KmlField
{
    const char* name;
    const char* type; // string, int, double
};

const std::vector<KmlField> kContactFields{
    {"ping", "int"},        {"side", "string"},    {"time", "string"},           {"ground_range_m", "double"},
    {"length_m", "double"}, {"width_m", "double"}, {"height_m", "double"},       {"above_seabed_m", "double"},
    {"class", "string"},    {"score", "double"},   {"cnn_objectness", "double"}, {"detector", "string"},
    {"status", "string"},   {"note", "string"}};
// An alert's start and end are its TimeSpan's begin and end (GDAL reads those as its own fields).
const std::vector<KmlField> kAlertFields{{"peak", "string"},  {"score", "double"},  {"channels", "string"},
                                         {"model", "string"}, {"status", "string"}, {"note", "string"}};

void kmlSchema(const char* id, const std::vector<KmlField>& fields, std::ostream& out)
{
    out << "<Schema name=\"" << id << "\" id=\"" << id << "\">\n";
    for (const auto& f : fields)
        out << "<SimpleField name=\"" << f.name << "\" type=\"" << f.type << "\"/>\n";
    out << "</Schema>\n";
}

void kmlData(const char* id, const std::vector<KmlField>& fields, const json& values, std::ostream& out)
{
    out << "<ExtendedData><SchemaData schemaUrl=\"#" << id << "\">\n";
    for (const auto& f : fields) {
        const auto it = values.find(f.name);
        if (it == values.end() || it->is_null())
            continue;
        out << "<SimpleData name=\"" << f.name << "\">"
            << markupEscape(it->is_string() ? it->get<std::string>() : it->dump()) << "</SimpleData>\n";
    }
    out << "</SchemaData></ExtendedData>\n";
}

void contactsKml(const std::vector<project::ContactRecord>& contacts, std::ostream& out)
{
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"
           "<name>Fathom contacts</name>\n";
    kmlSchema("contact", kContactFields, out);
    for (const auto& c : contacts) {
        const auto name = c.cls.empty() ? "contact at ping " + std::to_string(c.ping) : c.cls;
        // One line to read at a glance: size (length × width × height, — without a shadow), score,
        // review, then the analyst's note.
        // One in the water column (moored): how high it floats over its placemark, or, where no
        // shadow placed it, its slant range from the towfish above the placemark at nadir.
        const std::string where =
            !c.inWaterColumn() ? std::string()
            : c.aboveSeabed > 0
                ? "in the water column " + fixed(c.aboveSeabed, 1) + " m above the seabed at this point, "
                : "in the water column " + fixed(c.slantRange(), 1) + " m (slant) from the towfish, above this point, ";
        const std::string line = where + fixed(c.length, 1) + " × " + fixed(c.width, 1) + " × " +
                                 (c.height > 0 ? fixed(c.height, 1) : std::string("—")) + " m, " +
                                 (c.detector == "analyst" ? "marked by the analyst" : "score " + fixed(c.score, 2)) +
                                 ", " + c.status + (c.note.empty() ? "" : ": " + c.note);
        out << "<Placemark>\n<name>" << markupEscape(name) << "</name>\n<description>" << markupEscape(line)
            << "</description>\n";
        kmlData("contact", kContactFields, contactProperties(c), out);
        out << "<Point><coordinates>" << fixed(c.x, 8) << "," << fixed(c.y, 8)
            << ",0</coordinates></Point>\n</Placemark>\n";
    }
    out << "</Document>\n</kml>\n";
}

} // namespace

Format formatFor(const std::filesystem::path& file)
{
    const auto ext = file.extension().string();
    if (ext == ".csv")
        return Format::Csv;
    if (ext == ".geojson" || ext == ".json")
        return Format::GeoJson;
    if (ext == ".kml")
        return Format::Kml;
    throw Error(file.string() + ": unknown export format '" + ext + "' (use .csv, .geojson or .kml)");
}

void writeContacts(const std::vector<project::ContactRecord>& contacts, const std::filesystem::path& file)
{
    const auto format = formatFor(file);
    AtomicFile out(file);
    if (format == Format::Csv)
        contactsCsv(contacts, out.stream());
    else if (format == Format::GeoJson)
        contactsGeoJson(contacts, out.stream());
    else
        contactsKml(contacts, out.stream());
    out.commit();
}

Places alertPlaces(const sonar::SonarFile& survey, const std::vector<project::AlertRecord>& alerts)
{
    Places places(alerts.size());
    survey.waitComplete();
    const std::size_t pings = survey.pingCount();
    if (pings == 0)
        return places;
    const double first = survey.pingInfo(0).time, last = survey.pingInfo(pings - 1).time;
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        const double t = alerts[i].peak;
        if (t < first - 1 || t > last + 1)
            continue;
        const auto info = survey.pingInfo(sonar::pingNearest(survey, t));
        if (info.x != 0 || info.y != 0)
            places[i] = Place{info.x, info.y};
    }
    return places;
}

void writeAlerts(const std::vector<project::AlertRecord>& alerts, const std::filesystem::path& file,
                 const Places& places)
{
    const auto format = formatFor(file);
    const auto placeOf = [&](std::size_t i) { return i < places.size() ? places[i] : std::nullopt; };
    if (format == Format::Kml) {
        bool any = false;
        for (std::size_t i = 0; i < alerts.size(); ++i)
            any = any || placeOf(i).has_value();
        if (!any && !alerts.empty())
            throw Error(file.string() +
                        ": these alerts have no place (no survey covers their times); write them as .csv or .geojson");
    }
    AtomicFile out(file);
    if (format == Format::Kml) {
        out.stream() << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                        "<Document>\n<name>Fathom alerts</name>\n";
        kmlSchema("alert", kAlertFields, out.stream());
        for (std::size_t i = 0; i < alerts.size(); ++i) {
            const auto place = placeOf(i);
            if (!place)
                continue;
            const auto& a = alerts[i];
            out.stream() << "<Placemark>\n<name>" << markupEscape("alert " + formatUtc(a.peak, TimeStyle::Iso))
                         << "</name>\n<TimeSpan><begin>" << formatUtc(a.start, TimeStyle::IsoMillis) << "</begin><end>"
                         << formatUtc(a.end, TimeStyle::IsoMillis) << "</end></TimeSpan>\n<description>"
                         << markupEscape("score " + fixed(a.score, 2) + "; " + a.channels + "; " + a.status +
                                         (a.note.empty() ? "" : "; " + a.note))
                         << "</description>\n";
            kmlData("alert", kAlertFields,
                    {{"peak", formatUtc(a.peak, TimeStyle::IsoMillis)},
                     {"score", rounded(a.score, 0.001)},
                     {"channels", a.channels},
                     {"model", a.model},
                     {"status", a.status},
                     {"note", a.note}},
                    out.stream());
            out.stream() << "<Point><coordinates>" << fixed(place->x, 8) << "," << fixed(place->y, 8)
                         << ",0</coordinates></Point>\n</Placemark>\n";
        }
        out.stream() << "</Document>\n</kml>\n";
        out.commit();
        return;
    }
    if (format == Format::Csv) {
        out.stream() << "start,end,peak,start_row,end_row,peak_row,score,channels,model,status,note\n";
        for (const auto& a : alerts)
            out.stream() << formatUtc(a.start, TimeStyle::IsoMillis) << "," << formatUtc(a.end, TimeStyle::IsoMillis)
                         << "," << formatUtc(a.peak, TimeStyle::IsoMillis) << "," << a.startRow << "," << a.endRow
                         << "," << a.peakRow << "," << fixed(a.score, 3) << "," << cell(a.channels) << ","
                         << cell(a.model) << "," << a.status << "," << cell(a.note) << "\n";
    } else {
        json features = json::array();
        for (std::size_t i = 0; i < alerts.size(); ++i) {
            const auto& a = alerts[i];
            const auto place = placeOf(i);
            features.push_back(
                {{"type", "Feature"},
                 {"geometry", place ? json{{"type", "Point"}, {"coordinates", {place->x, place->y}}} : json(nullptr)},
                 {"properties",
                  {{"start", formatUtc(a.start, TimeStyle::IsoMillis)},
                   {"end", formatUtc(a.end, TimeStyle::IsoMillis)},
                   {"peak", formatUtc(a.peak, TimeStyle::IsoMillis)},
                   {"score", rounded(a.score, 0.001)},
                   {"channels", a.channels},
                   {"model", a.model},
                   {"status", a.status},
                   {"note", a.note}}}});
        }
        out.stream() << json{{"type", "FeatureCollection"}, {"features", features}}.dump(2) << "\n";
    }
    out.commit();
}

} // namespace fathom::report
