#pragma once

// A small simulated survey with detected, reviewed contacts and one alert, for the report suites.
#include "project/contacts.h"
#include "project/project.h"
#include "sonar/detector.h"
#include "sonar/simulator.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fathom::test {

// What a command-line tool (pdftotext, pdfinfo, pdffonts, pdftoppm) prints.
inline QString runTool(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct TruthObject
{
    std::string cls;
    double latitude = 0, longitude = 0;
};

inline std::vector<TruthObject> readTruth(const std::filesystem::path& file)
{
    std::vector<TruthObject> objects;
    std::ifstream in(file);
    std::string line;
    std::getline(in, line); // header: id,class,mine_like,ferrous,latitude,longitude,…
    while (std::getline(in, line)) {
        std::stringstream cells(line);
        std::vector<std::string> c;
        for (std::string cell; std::getline(cells, cell, ',');)
            c.push_back(cell);
        if (c.size() > 5)
            objects.push_back({c[1], std::stod(c[4]), std::stod(c[5])});
    }
    return objects;
}

// 600 pings of the demo line in `dir`; contacts from the classical detector, the best one
// confirmed as a cylinder with a note, the weakest rejected; one alert over rows 100–110.
inline project::Project makeReportProject(const std::filesystem::path& dir, int pings = 600)
{
    sonar::SurveySimulator::Options options;
    options.pings = pings;
    options.seed = 3;
    sonar::writeDemoSurvey(dir, options);
    project::Project p;
    p.survey = dir / "survey.xtf";
    p.series = dir / "sensors.csv";
    const auto file = sonar::open(p.survey);
    for (const auto& d : sonar::detectClassical(*file))
        p.contacts.push_back(project::contactFromDetection(d));
    if (!p.contacts.empty()) {
        auto best = std::max_element(p.contacts.begin(), p.contacts.end(),
                                     [](const auto& a, const auto& b) { return a.score < b.score; });
        best->status = "confirmed";
        best->cls = "cylinder";
        best->note = "bright cylinder, clear shadow";
        auto weakest = std::min_element(p.contacts.begin(), p.contacts.end(),
                                        [](const auto& a, const auto& b) { return a.score < b.score; });
        if (weakest != best)
            weakest->status = "rejected";
    }
    project::AlertRecord alert;
    alert.startRow = 100;
    alert.endRow = 110;
    alert.peakRow = 105;
    alert.start = options.startTime + 10.0;
    alert.end = options.startTime + 11.0;
    alert.peak = options.startTime + 10.5;
    alert.score = 4.2;
    alert.channels = "altitude_m, depth_m";
    alert.model = "ensemble";
    p.alerts.push_back(alert);
    return p;
}

} // namespace fathom::test
