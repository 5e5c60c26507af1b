#include "contacts.h"

#include "sonar/detector.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace fathom::project {

ContactRecord contactFromDetection(const sonar::Detection& d)
{
    ContactRecord c;
    c.ping = (long long)d.ping;
    c.side = d.side;
    c.sample = d.sample;
    c.time = d.time;
    c.x = d.x;
    c.y = d.y;
    c.groundRange = d.groundRange;
    c.length = d.length;
    c.width = d.width;
    c.height = d.height;
    c.firstPing = (long long)d.firstPing;
    c.lastPing = (long long)d.lastPing;
    const double bin = d.slantRange / (d.sample + 0.5);
    c.nearSlant = d.firstSample * bin;
    c.farSlant = (d.lastSample + 1) * bin;
    const double depth2 = d.slantRange * d.slantRange - d.groundRange * d.groundRange;
    c.nearGround = std::sqrt(std::max(0.0, c.nearSlant * c.nearSlant - depth2));
    c.farGround = std::sqrt(std::max(0.0, c.farSlant * c.farSlant - depth2));
    c.score = d.score;
    c.detector = d.detector;
    c.cls = d.cls;
    c.proposedClass = d.cls;
    c.detectorScores = d.scores;
    c.waterColumn = d.waterColumn;
    c.aboveSeabed = d.aboveSeabed;
    c.cnnClass = d.cnnClass;
    c.cnnClassProbability = d.cnnClassProbability;
    c.cnnObjectness = d.cnnObjectness;
    if (c.detectorScores.empty())
        c.detectorScores[d.detector] = d.score;
    return c;
}

bool sameObject(const ContactRecord& a, const ContactRecord& b)
{
    return sonar::sameObject(a.side, a.ping, a.sample, b.side, b.ping, b.sample);
}

std::vector<ContactRecord> mergeContacts(const std::vector<ContactRecord>& existing,
                                         const std::vector<ContactRecord>& found)
{
    std::vector<ContactRecord> merged;
    for (const auto& c : existing)
        if (c.status != "new" || !c.note.empty() || c.cls != c.proposedClass) // a class the detectors gave is no review
            merged.push_back(c);
    for (const auto& c : found)
        if (std::none_of(merged.begin(), merged.end(), [&](const auto& k) { return sameObject(k, c); }))
            merged.push_back(c);
    std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.ping < b.ping; });
    return merged;
}

} // namespace fathom::project
