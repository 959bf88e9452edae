#include "ast/ast.h"

#include <cstdio>

namespace tc::ast {

std::string Date::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace tc::ast
