#pragma once

#include "project.h"

namespace fathom::sonar {
struct Detection;
}

namespace fathom::project {

// A detector's proposal as a contact to review: its box in pings and in slant and ground range.
ContactRecord contactFromDetection(const sonar::Detection& detection);

// Whether two contacts are the same object: same side, within 20 pings and 30 samples.
bool sameObject(const ContactRecord& a, const ContactRecord& b);

// A new detection run over contacts already there: everything the analyst touched (reviewed,
// classed otherwise than the detectors proposed, noted) stays; untouched proposals are replaced by the new ones, except
// where a kept contact already covers the object. Sorted by ping.
std::vector<ContactRecord> mergeContacts(const std::vector<ContactRecord>& existing,
                                         const std::vector<ContactRecord>& found);

} // namespace fathom::project
