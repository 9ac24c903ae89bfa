// Theme rendering with a page's view on top of a shared one (Theme::render with a base), and the
// lookup of dotted names that goes with it: the same output as one merged view gives.
#include <gtest/gtest.h>

#include "templates/theme.h"
#include "test_support.h"

using namespace tk;
using namespace tk::test;
using mdata = mustache::data;

namespace {

mdata object(std::initializer_list<std::pair<std::string, mdata>> keys) {
    mdata o(mdata::type::object);
    for (const auto& [k, v] : keys) o.set(k, v);
    return o;
}

class ThemeRender : public ::testing::Test {
protected:
    void SetUp() override {
        write_text(m_dir / "templates/page.mustache",
                   "<title>{{page.title}} - {{site.title}}</title>\n"
                   "{{#page.draft}}draft\n{{/page.draft}}"
                   "{{#items}}[{{title}} in {{site.title}}: {{page.title}}]{{/items}}\n"
                   "{{#page}}({{title}}, {{summary}}, {{lang}}){{/page}}\n"
                   "{{> footer}}\n");
        write_text(m_dir / "templates/partials/footer.mustache", "<p>{{site.owner.name}} {{missing.key}}</p>");
        ASSERT_TRUE(m_theme.load(m_dir.path(), m_diags)) << m_diags.format_all();
        m_base = object({{"site", object({{"title", "Toolkit"}, {"owner", object({{"name", "Boroughs"}})}})},
                         {"lang", "en-GB"},
                         {"summary", "from base"},
                         {"items", mdata(mdata::type::list)}});
        mdata items(mdata::type::list);
        items.push_back(object({{"title", "One"}}));
        items.push_back(object({{"title", "Two"}, {"site", object({{"title", "inner site"}})}}));
        m_view = object({{"page", object({{"title", "Buying <together>"}})}, {"items", items}});
    }

    std::string render_layered() {
        std::string out;
        EXPECT_TRUE(m_theme.render("page", m_base, m_view, out, m_diags)) << m_diags.format_all();
        return out;
    }
    std::string render_merged() {
        mdata merged = m_base;
        merged.set("page", *m_view.get("page"));
        merged.set("items", *m_view.get("items"));
        std::string out;
        EXPECT_TRUE(m_theme.render("page", merged, out, m_diags)) << m_diags.format_all();
        return out;
    }

    TempDir m_dir;
    Diagnostics m_diags;
    Theme m_theme;
    mdata m_base, m_view;
};

}  // namespace

TEST_F(ThemeRender, AViewOnTopOfABaseRendersAsTheMergedView) {
    std::string layered = render_layered();
    EXPECT_EQ(layered, render_merged());
    // The view's keys win over the base's; inside a section the section's object comes first.
    EXPECT_EQ(layered,
              "<title>Buying &lt;together&gt; - Toolkit</title>\n"
              "[One in Toolkit: Buying &lt;together&gt;][Two in inner site: Buying &lt;together&gt;]\n"
              "(Buying &lt;together&gt;, from base, en-GB)\n"
              "<p>Boroughs </p>\n");
}

TEST_F(ThemeRender, ADottedNameTheViewCannotResolveIsLookedUpInTheBase) {
    // As in kainjow's own context: each view in turn must resolve the whole name. The view's page
    // has no "draft", so page.draft comes from the base's page (ViewBuilder::common() holds no
    // object that a page's view also has, so for the site's views this never arises).
    m_base.set("page", object({{"title", "base title"}, {"draft", true}}));
    std::string layered = render_layered();
    EXPECT_NE(layered.find("</title>\ndraft\n["), std::string::npos) << layered;
    EXPECT_EQ(layered.find("base title"), std::string::npos) << layered;
}

TEST_F(ThemeRender, NamesMissingEverywhereRenderEmptyAndDotsMatchKainjow) {
    // "a.b." and "a..b" are names kainjow splits with getline: a trailing dot adds no part, an
    // inner one an empty part that matches nothing.
    const std::string text = "{{site.title.}}|{{site..title}}|{{nothing.at.all}}|{{site.title.x}}|{{#site}}{{owner.name}}{{/site}}";
    write_text(m_dir / "templates/dots.mustache", text);
    Theme theme;
    ASSERT_TRUE(theme.load(m_dir.path(), m_diags)) << m_diags.format_all();
    std::string layered, merged;
    ASSERT_TRUE(theme.render("dots", m_base, m_view, layered, m_diags));
    ASSERT_TRUE(theme.render("dots", m_base, merged, m_diags));
    EXPECT_EQ(layered, merged);
    EXPECT_EQ(layered, "Toolkit||||Boroughs");
    // kainjow's own context, on the same template and data, agrees.
    mustache::mustache own(text);
    EXPECT_EQ(own.render(m_base), layered);
}

TEST_F(ThemeRender, EscapesValuesAsKainjowDoes) {
    // The theme's own escape function (faster) must give what kainjow's default one gives.
    const std::string text = "<p title=\"{{v}}\">{{v}}</p>{{{v}}}{{#list}}{{.}}{{/list}}";
    write_text(m_dir / "templates/escape.mustache", text);
    Theme theme;
    ASSERT_TRUE(theme.load(m_dir.path(), m_diags)) << m_diags.format_all();
    for (const std::string v : {"", "plain", "&", "'", "Tom & Jerry's <b>\"bold\"</b> £5 > €4", "<<>>&&\"\"''x",
                                "trailing &", "é'ü\"ß"}) {
        mdata list(mdata::type::list);
        list.push_back(mdata(v));
        mdata data = object({{"v", mdata(v)}, {"list", list}});
        std::string out;
        ASSERT_TRUE(theme.render("escape", data, out, m_diags)) << m_diags.format_all();
        mustache::mustache own(text);
        EXPECT_EQ(out, own.render(data)) << v;
    }
    std::string out;
    ASSERT_TRUE(theme.render("escape", object({{"v", mdata("a'b\"c<d>e&f")}}), out, m_diags));
    EXPECT_EQ(out, "<p title=\"a&apos;b&quot;c&lt;d&gt;e&amp;f\">a&apos;b&quot;c&lt;d&gt;e&amp;f</p>a'b\"c<d>e&f");
}
