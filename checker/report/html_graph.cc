// The article graph of the HTML report: layout and SVG.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "report/html.h"

namespace tc::report {
namespace {

constexpr double kColumnWidth = 190, kColumnGap = 170, kNodeHeight = 24, kNodeGap = 8, kTop = 10, kMargin = 10;
constexpr double kHeaderHeight = 26, kGroupGap = 18, kArcRoom = 70;
constexpr std::size_t kMaxColumns = 4, kLabelChars = 20;
constexpr int kBarycentrePasses = 4;

int severity_rank(const std::string& s) {
  if (s == "error") return 3;
  if (s == "warning") return 2;
  if (s == "unknown") return 1;
  return 0;
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

/// "Art 2(1)" sorts after "Art 2" and before "Art 10".
bool label_less(const std::string& a, const std::string& b) {
  auto lead = [](const std::string& s) {
    std::size_t i = s.find_first_of("0123456789");
    return i == std::string::npos ? 0L : std::strtol(s.c_str() + i, nullptr, 10);
  };
  if (lead(a) != lead(b)) return lead(a) < lead(b);
  return a < b;
}

void order_columns(GraphLayout& g, std::vector<std::vector<std::size_t>>& columns) {
  // Neighbours of each node, for the barycentre of its edges' other ends.
  std::vector<std::vector<std::size_t>> neighbours(g.nodes.size());
  for (const GraphEdge& e : g.edges) {
    neighbours[e.from].push_back(e.to);
    neighbours[e.to].push_back(e.from);
  }
  std::vector<double> position(g.nodes.size());
  auto place = [&] {
    for (auto& column : columns)
      for (std::size_t i = 0; i < column.size(); ++i) position[column[i]] = static_cast<double>(i);
  };
  place();
  for (int pass = 0; pass < kBarycentrePasses; ++pass) {
    for (auto& column : columns) {
      std::vector<double> key(g.nodes.size());
      for (std::size_t n : column) {
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t m : neighbours[n])
          if (g.nodes[m].column != g.nodes[n].column) sum += position[m], ++count;
        key[n] = count ? sum / static_cast<double>(count) : position[n];
      }
      std::stable_sort(column.begin(), column.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
      for (std::size_t i = 0; i < column.size(); ++i) position[column[i]] = static_cast<double>(i);
    }
  }
}

}  // namespace

GraphLayout layout_article_graph(const std::vector<FindingFacts>& findings) {
  GraphLayout g;
  std::map<std::string, std::size_t> node_of;
  std::set<std::string> treaties;
  for (const FindingFacts& f : findings)
    for (const ClauseFacts& c : f.clauses) treaties.insert(c.treaty);
  g.columns.assign(treaties.begin(), treaties.end());
  auto node = [&](const ClauseFacts& c) {
    std::string key = c.treaty + " Art " + c.article;
    auto it = node_of.find(key);
    if (it != node_of.end()) return it->second;
    GraphNode n;
    n.key = key;
    n.treaty = c.treaty;
    n.label = "Art " + c.article;
    if (c.article_title) {
      std::string title = *c.article_title;
      if (title.size() > kLabelChars) title = title.substr(0, kLabelChars - 3) + "...";
      n.label += " " + title;
    }
    n.title = key + (c.article_title ? " \"" + *c.article_title + "\"" : "") +
              (c.treaty_title ? " (" + *c.treaty_title + ")" : "");
    n.column = static_cast<std::size_t>(std::find(g.columns.begin(), g.columns.end(), c.treaty) - g.columns.begin());
    g.nodes.push_back(n);
    return node_of[key] = g.nodes.size() - 1;
  };
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> edge_of;
  for (const FindingFacts& f : findings) {
    if (f.clauses.empty()) continue;
    std::size_t lead = node(f.clauses.front());
    std::vector<std::size_t> others;
    for (std::size_t i = 1; i < f.clauses.size(); ++i) others.push_back(node(f.clauses[i]));
    if (others.empty()) others.push_back(lead);  // one clause that cannot be complied with: a loop
    for (std::size_t other : others) {
      std::pair<std::size_t, std::size_t> key{std::min(lead, other), std::max(lead, other)};
      auto it = edge_of.find(key);
      if (it == edge_of.end()) {
        g.edges.push_back({key.first, key.second, {}, "note"});
        it = edge_of.emplace(key, g.edges.size() - 1).first;
      }
      GraphEdge& e = g.edges[it->second];
      if (std::find(e.findings.begin(), e.findings.end(), f.id) == e.findings.end()) e.findings.push_back(f.id);
      std::string s = severity_class(f);
      if (severity_rank(s) > severity_rank(e.severity)) e.severity = s;
    }
  }
  // The articles of each instrument, by label, then ordered to keep edges short.
  std::vector<std::vector<std::size_t>> groups(g.columns.size());
  for (std::size_t n = 0; n < g.nodes.size(); ++n) groups[g.nodes[n].column].push_back(n);
  for (auto& group : groups)
    std::sort(group.begin(), group.end(),
              [&](std::size_t a, std::size_t b) { return label_less(g.nodes[a].label, g.nodes[b].label); });
  order_columns(g, groups);

  // Up to kMaxColumns instruments: one column each. More: the instrument
  // with the most conflicts in the middle and the others stacked to its
  // left and right, so the page grows down rather than sideways.
  std::vector<std::vector<std::size_t>> stacks;  // per visual column: instrument indices
  if (g.columns.size() <= kMaxColumns) {
    for (std::size_t i = 0; i < g.columns.size(); ++i) stacks.push_back({i});
  } else {
    std::vector<std::size_t> degree(g.columns.size(), 0);
    for (const GraphEdge& e : g.edges) {
      if (g.nodes[e.from].column == g.nodes[e.to].column) continue;
      degree[g.nodes[e.from].column] += e.findings.size();
      degree[g.nodes[e.to].column] += e.findings.size();
    }
    std::size_t hub = static_cast<std::size_t>(std::max_element(degree.begin(), degree.end()) - degree.begin());
    stacks.assign(3, {});
    stacks[1].push_back(hub);
    std::size_t left = 0, right = 0;
    for (std::size_t i = 0; i < g.columns.size(); ++i) {
      if (i == hub) continue;
      bool to_left = left <= right;
      stacks[to_left ? 0 : 2].push_back(i);
      (to_left ? left : right) += groups[i].size() + 1;
    }
  }
  g.column_x.assign(g.columns.size(), 0);
  g.column_y.assign(g.columns.size(), 0);
  g.column_side.assign(g.columns.size(), 1);
  double tallest = 0;
  std::vector<double> stack_height(stacks.size(), 0);
  for (std::size_t s = 0; s < stacks.size(); ++s) {
    double y = kTop;
    for (std::size_t i : stacks[s]) {
      g.column_x[i] = kArcRoom + kMargin + static_cast<double>(s) * (kColumnWidth + kColumnGap);
      g.column_y[i] = y;
      g.column_side[i] = s == 0 && stacks.size() > 1 ? -1 : 1;
      for (std::size_t k = 0; k < groups[i].size(); ++k) {
        GraphNode& n = g.nodes[groups[i][k]];
        n.x = g.column_x[i];
        n.y = y + kHeaderHeight + static_cast<double>(k) * (kNodeHeight + kNodeGap);
      }
      y += kHeaderHeight + static_cast<double>(groups[i].size()) * (kNodeHeight + kNodeGap) + kGroupGap;
    }
    stack_height[s] = y - kTop;
    tallest = std::max(tallest, stack_height[s]);
  }
  // Shorter stacks are centred on the tallest.
  for (std::size_t s = 0; s < stacks.size(); ++s) {
    double shift = (tallest - stack_height[s]) / 2;
    for (std::size_t i : stacks[s]) {
      g.column_y[i] += shift;
      for (std::size_t n : groups[i]) g.nodes[n].y += shift;
    }
  }
  g.width = stacks.empty() ? 0 : 2 * (kMargin + kArcRoom) + static_cast<double>(stacks.size()) * kColumnWidth +
                                     static_cast<double>(stacks.size() - 1) * kColumnGap;
  g.height = kTop + tallest + kMargin;
  return g;
}

std::string render_graph_svg(const GraphLayout& g) {
  if (g.nodes.empty()) return "<p class=\"empty\">No article takes part in a finding.</p>\n";
  std::string out = "<svg class=\"graph\" width=\"" + number(g.width) +
                    "\" height=\"" + number(g.height) + "\" viewBox=\"0 0 " + number(g.width) + " " +
                    number(g.height) + "\" role=\"img\" aria-label=\"articles and the conflicts between them\">\n";
  for (std::size_t c = 0; c < g.columns.size(); ++c) {
    out += "<text class=\"column\" x=\"" + number(g.column_x[c] + kColumnWidth / 2) + "\" y=\"" +
           number(g.column_y[c] + 17) + "\">" + html_escape(g.columns[c]) + "</text>\n";
  }
  for (const GraphEdge& e : g.edges) {
    const GraphNode& a = g.nodes[e.from];
    const GraphNode& b = g.nodes[e.to];
    double ay = a.y + kNodeHeight / 2, by = b.y + kNodeHeight / 2;
    std::string d;
    if (e.from == e.to || a.x == b.x) {
      // Within one visual column: an arc out on the column's outer side.
      double side = g.column_side[a.column];
      double x = side < 0 ? a.x : a.x + kColumnWidth;
      double bulge = side * std::min(kArcRoom - 5, 30 + std::abs(by - ay) / 5);
      d = "M" + number(x) + " " + number(ay) + " C" + number(x + bulge) + " " + number(ay - (e.from == e.to ? 18 : 0)) +
          " " + number(x + bulge) + " " + number(by + (e.from == e.to ? 18 : 0)) + " " + number(x) + " " + number(by);
    } else {
      const GraphNode& left = a.x < b.x ? a : b;
      const GraphNode& right = a.x < b.x ? b : a;
      double x1 = left.x + kColumnWidth, y1 = left.y + kNodeHeight / 2, x2 = right.x, y2 = right.y + kNodeHeight / 2;
      double mid = (x2 - x1) / 2;
      d = "M" + number(x1) + " " + number(y1) + " C" + number(x1 + mid) + " " + number(y1) + " " + number(x2 - mid) +
          " " + number(y2) + " " + number(x2) + " " + number(y2);
    }
    std::string ids;
    for (const std::string& id : e.findings) ids += (ids.empty() ? "" : " ") + id;
    double width = 1.5 + std::log2(static_cast<double>(e.findings.size()));
    out += "<path class=\"edge sev-" + e.severity + "\" data-findings=\"" + html_escape(ids) + "\" stroke-width=\"" +
           number(width) + "\" d=\"" + d + "\"><title>" + html_escape(a.key + " / " + b.key + ": " + ids) +
           "</title></path>\n";
  }
  for (const GraphNode& n : g.nodes) {
    out += "<g class=\"node\" data-article=\"" + html_escape(n.key) + "\"><rect x=\"" + number(n.x) + "\" y=\"" +
           number(n.y) + "\" width=\"" + number(kColumnWidth) + "\" height=\"" + number(kNodeHeight) +
           "\" rx=\"4\"/><text x=\"" + number(n.x + 8) + "\" y=\"" + number(n.y + 16) + "\">" +
           html_escape(n.label) + "</text><title>" + html_escape(n.title) + "</title></g>\n";
  }
  return out + "</svg>\n";
}

}  // namespace tc::report
