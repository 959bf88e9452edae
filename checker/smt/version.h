#pragma once
/// Version of the Z3 library linked in (the SMT layer is the only Z3 user).
#include <string>

namespace tc::smt {
/// "4.8.12" -- major.minor.build of the linked Z3.
std::string z3_version();
}  // namespace tc::smt
