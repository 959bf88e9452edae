#pragma once
/// Version of the treaty language grammar (grammar/Treaty.g4). Bump it
/// whenever a production changes: the CLI prints it with --version, and
/// reports record it so a result can be traced to the language it read.

/// Major.minor: the major number changes when valid input stops being valid.
#define TREATY_GRAMMAR_VERSION "1.0"
