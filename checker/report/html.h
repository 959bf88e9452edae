#pragma once
/// The HTML report: one self-contained page (inline CSS, script and SVG;
/// nothing fetched) with the conflict matrix between instruments, a graph
/// of the articles in conflict drawn by the tool, and every finding with
/// its clauses, witness, states caught and resolution. Deterministic.

#include <string>
#include <vector>

#include "report/model.h"

namespace tc::report {

/// The report of `check` as an HTML page.
std::string render_html(const ReportFacts& facts);

/// One article of the graph, placed.
struct GraphNode {
  std::string key;    ///< "NAT Art 5"
  std::string treaty;
  std::string label;  ///< "Art 5"
  std::string title;  ///< tooltip: article title and treaty title
  std::size_t column = 0;
  double x = 0, y = 0;  ///< top left corner
};

/// A conflict between two articles (one or more findings).
struct GraphEdge {
  std::size_t from = 0, to = 0;  ///< indices into nodes
  std::vector<std::string> findings;  ///< ids
  std::string severity;  ///< the worst: "error" | "warning" | "note" | "unknown"
};

/// The article graph with a computed layout: up to four instruments as
/// columns (ordered by name); more are stacked left and right of the one
/// with the most conflicts. The articles of an instrument are ordered to
/// keep edges short (barycentre passes).
struct GraphLayout {
  std::vector<std::string> columns;  ///< treaty names
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  std::vector<double> column_x, column_y;  ///< per instrument: where its group starts (its header)
  std::vector<int> column_side;            ///< per instrument: -1 arcs go left, 1 right
  double width = 0, height = 0;
};

/// Lays out the articles that take part in findings and their conflicts.
GraphLayout layout_article_graph(const std::vector<FindingFacts>& findings);

/// The layout as an inline SVG element.
std::string render_graph_svg(const GraphLayout& layout);

/// Escapes text for HTML content and attribute values.
std::string html_escape(const std::string& text);

/// The severity class of a finding for colouring: "error", "warning",
/// "note" (resolved or informational) or "unknown".
std::string severity_class(const FindingFacts& finding);

}  // namespace tc::report
