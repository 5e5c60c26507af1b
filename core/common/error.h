#pragma once

#include <stdexcept>
#include <string>

namespace fathom {

// An error a user can act on: the message names the file (or input) and what was wrong.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace fathom
