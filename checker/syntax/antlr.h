#pragma once
/// The warning fence around the ANTLR runtime and the generated parser.
/// Only .cc files of checker/syntax include this header; no ANTLR type
/// leaves this folder (parse.h is ANTLR-free).

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#include <antlr4-runtime.h>

#include "TreatyLexer.h"
#include "TreatyParser.h"
#pragma GCC diagnostic pop
