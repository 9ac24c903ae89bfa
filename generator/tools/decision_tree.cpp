#include "tools/decision_tree.h"

#include <algorithm>
#include <functional>

#include "util/strings.h"

namespace tk {

const TreeNode* DecisionTree::find(const std::string& id) const {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &nodes[it->second];
}

std::string DecisionTree::step_path(const TreeNode& node) {
    return (node.is_outcome() ? "outcome/" : "q/") + node.id + "/";
}

namespace {

/// Node ids become URL segments, so they keep to lower-case letters, digits and single hyphens.
bool valid_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && id[i + 1] == '-')) return false;
    }
    return true;
}

const char* kind_word(const TreeNode& n) { return n.is_outcome() ? "outcome" : "question"; }

bool read_node_id(const ToolReader& r, const toml::table& t, TreeNode& node) {
    auto where = t.source();
    auto id = get_string(r.src(), t, "id", true, &where);
    if (!id) return false;
    node.id = *id;
    node.loc = r.src().at(*t.get("id"));
    if (!valid_id(node.id)) {
        r.src().error(t.get("id")->source(), "id '" + node.id +
                                                 "' must use only lower-case letters, digits and single hyphens "
                                                 "(it becomes part of a URL)");
        return false;
    }
    return true;
}

void read_question(const ToolReader& r, const toml::table& t, DecisionTree& tree) {
    const TomlSource& src = r.src();
    check_keys(src, t, {"id", "title", "text", "hint", "answer"});
    TreeNode q;
    q.kind = TreeNode::Kind::Question;
    bool ok = read_node_id(r, t, q);
    auto where = t.source();
    if (auto s = r.text(t, "title", true, where)) q.title = *s;
    if (auto s = r.text(t, "text", true, where)) q.text = *s;
    if (t.get("hint"))
        if (auto s = r.text(t, "hint", false, where)) q.hint = *s;
    for (const toml::table* a : r.tables(t, "answer")) {
        check_keys(src, *a, {"label", "short", "next"});
        auto aw = a->source();
        TreeAnswer ans;
        auto label = r.text(*a, "label", true, aw);
        auto next = get_string(src, *a, "next", true, &aw);
        if (!label || !next) continue;
        ans.label = *label;
        if (a->get("short"))
            if (auto sh = r.text(*a, "short", false, aw)) ans.short_label = *sh;
        ans.next = *next;
        ans.next_loc = src.at(*a->get("next"));
        q.answers.push_back(std::move(ans));
    }
    if (ok) tree.nodes.push_back(std::move(q));
}

void read_outcome(const ToolReader& r, const toml::table& t, DecisionTree& tree) {
    check_keys(r.src(), t, {"id", "title", "why", "notices", "time", "links"});
    TreeNode o;
    o.kind = TreeNode::Kind::Outcome;
    bool ok = read_node_id(r, t, o);
    auto where = t.source();
    if (auto s = r.text(t, "title", true, where)) o.title = *s;
    if (auto s = r.text(t, "why", true, where)) o.why = *s;
    o.notices = r.texts(t, "notices");
    if (auto s = r.text(t, "time", true, where)) o.time = *s;
    o.links = r.links(t, "links");
    if (o.links.empty() && !t.get("links"))
        r.src().error(where, "outcome '" + o.id + "' needs 'links' to the guidance that explains it");
    if (ok) tree.nodes.push_back(std::move(o));
}

std::vector<std::string> all_ids(const DecisionTree& tree) {
    std::vector<std::string> ids;
    for (const auto& n : tree.nodes) ids.push_back(n.id);
    return ids;
}

/// Depth-first search from every node: an answer that leads to a node still on the stack closes
/// a loop, reported once at that answer with the whole loop spelt out.
void check_loops(const TomlSource& src, const DecisionTree& tree) {
    enum Mark { White, Grey, Black };
    std::vector<Mark> mark(tree.nodes.size(), White);
    std::vector<size_t> stack;
    std::function<void(size_t)> visit = [&](size_t i) {
        mark[i] = Grey;
        stack.push_back(i);
        for (const auto& a : tree.nodes[i].answers) {
            auto it = tree.index.find(a.next);
            if (it == tree.index.end()) continue;
            size_t j = it->second;
            if (mark[j] == Grey) {
                std::string loop;
                auto from = std::find(stack.begin(), stack.end(), j);
                for (auto k = from; k != stack.end(); ++k) loop += tree.nodes[*k].id + " -> ";
                loop += tree.nodes[j].id;
                src.diags->error(a.next_loc, "answer leads back to '" + a.next + "', making a loop: " + loop,
                                 src.text);
            } else if (mark[j] == White) {
                visit(j);
            }
        }
        stack.pop_back();
        mark[i] = Black;
    };
    for (size_t i = 0; i < tree.nodes.size(); ++i)
        if (mark[i] == White) visit(i);
}

}  // namespace

std::optional<DecisionTree> read_decision_tree(const ToolReader& r, const toml::table& root) {
    const TomlSource& src = r.src();
    size_t before = src.diags->error_count();
    check_keys(src, root, {"kind", "start", "intro", "caveat", "question", "outcome"});
    DecisionTree tree;
    toml::source_region top;
    top.begin = {1, 1};
    top.end = {1, 1};
    if (auto s = get_string(src, root, "start", true, &top)) {
        tree.start = *s;
        tree.start_loc = src.at(*root.get("start"));
    }
    if (root.get("intro"))
        if (auto s = r.text(root, "intro", false, top)) tree.intro = *s;
    if (auto s = r.text(root, "caveat", true, top)) tree.caveat = *s;
    for (const toml::table* q : r.tables(root, "question")) read_question(r, *q, tree);
    for (const toml::table* o : r.tables(root, "outcome")) read_outcome(r, *o, tree);

    for (size_t i = 0; i < tree.nodes.size(); ++i) {
        const TreeNode& n = tree.nodes[i];
        auto [it, fresh] = tree.index.emplace(n.id, i);
        if (!fresh)
            src.diags->error(n.loc, "duplicate id '" + n.id + "' (first used at line " +
                                        std::to_string(tree.nodes[it->second].loc.line) + ")", src.text);
    }
    auto ids = all_ids(tree);
    auto unknown = [&](const std::string& id, const SourceLocation& loc, const char* what) {
        std::string msg = std::string("no ") + what + " '" + id + "'";
        if (auto near = nearest(id, ids)) msg += " (did you mean '" + *near + "'?)";
        src.diags->error(loc, msg, src.text);
    };

    // The start, and every answer's next.
    const TreeNode* start = tree.find(tree.start);
    if (!tree.start.empty() && !start) unknown(tree.start, tree.start_loc, "question");
    if (start && start->is_outcome())
        src.diags->error(tree.start_loc, "'start' must name a question, not the outcome '" + tree.start + "'",
                         src.text);
    for (const auto& n : tree.nodes) {
        for (const auto& a : n.answers)
            if (!tree.find(a.next)) unknown(a.next, a.next_loc, "question or outcome");
        if (!n.is_outcome() && n.answers.empty())
            src.diags->error(n.loc, "question '" + n.id +
                                        "' has no answers, so it is a dead end: give it [[question.answer]] "
                                        "entries, or make it an [[outcome]]", src.text);
    }
    check_loops(src, tree);

    // Reachability from the start.
    if (start) {
        std::vector<bool> seen(tree.nodes.size(), false);
        std::vector<size_t> todo{tree.index.at(tree.start)};
        seen[todo.back()] = true;
        while (!todo.empty()) {
            size_t i = todo.back();
            todo.pop_back();
            for (const auto& a : tree.nodes[i].answers) {
                auto it = tree.index.find(a.next);
                if (it == tree.index.end() || seen[it->second]) continue;
                seen[it->second] = true;
                todo.push_back(it->second);
            }
        }
        for (size_t i = 0; i < tree.nodes.size(); ++i) {
            if (seen[i] || tree.index.at(tree.nodes[i].id) != i) continue;
            const TreeNode& n = tree.nodes[i];
            src.diags->error(n.loc, std::string(kind_word(n)) + " '" + n.id +
                                        "' cannot be reached from the start question '" + tree.start + "'",
                             src.text);
        }
    }
    if (tree.nodes.empty()) src.error(top, "a decision tree needs [[question]] and [[outcome]] entries");
    if (src.diags->error_count() > before) return std::nullopt;
    return tree;
}

}  // namespace tk
