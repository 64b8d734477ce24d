// What the pack tool's commands share: their signatures and small helpers.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/loading/pack_loader.hpp"

namespace passerelles::packtool {

using Arguments = std::vector<std::string>;

// Prints the message and the usage text; returns exit code 2.
int usageError(std::ostream& err, const std::string& message);
// Loads a pack for a command that needs a playable pack; on failure prints the problems and returns false.
bool loadPlayablePack(const std::string& folder, PackLoad& load, std::ostream& err);

// The content lint (core/content/content_lint.hpp): its findings as warnings naming the activity files,
// and its figures per activity for stats.
std::vector<Diagnostic> lintDiagnostics(const Pack& pack, const std::string& folder);
void printLintFigures(const Pack& pack, const std::string& folder, std::ostream& out);

int validate(const Arguments& arguments, std::ostream& out, std::ostream& err);
int list(const Arguments& arguments, std::ostream& out, std::ostream& err);
int stats(const Arguments& arguments, std::ostream& out, std::ostream& err);
int newPack(const Arguments& arguments, std::ostream& out, std::ostream& err);
int graph(const Arguments& arguments, std::ostream& out, std::ostream& err);
int importCommand(const Arguments& arguments, std::ostream& out, std::ostream& err);
int exportCommand(const Arguments& arguments, std::ostream& out, std::ostream& err);

}  // namespace passerelles::packtool
