#include "check_content_fixture.h"

using namespace tk;
using tk::testing::findings;

namespace {
const char* k_kpi = " is typed, but it is a value in values.toml: use {{< value kpi.contract_value >}}\n";
}

TEST(ContentValues, ReportsTypedAmountWithTheKeyToUse) {
    EXPECT_EQ(findings("Contracts over £5 million must publish KPIs.\n"),
              std::string("content/strategy/x.md:8:16: [typed-value] £5 million") + k_kpi);
}

TEST(ContentValues, NamesEveryKeyWithThatAmount) {
    EXPECT_EQ(findings("Publish spend over £30,000 each quarter.\n"),
              "content/strategy/x.md:8:20: [typed-value] £30,000 is typed, but it is a value in values.toml: "
              "use {{< value below_threshold.notifiable >}} or {{< value payment.publication >}}\n");
}

TEST(ContentValues, EveryWayOfWritingTheAmount) {
    EXPECT_EQ(findings("£5m, £5,000,000 and £5000000 all count.\n"),
              std::string("content/strategy/x.md:8:1: [typed-value] £5m") + k_kpi +
                  "content/strategy/x.md:8:6: [typed-value] £5,000,000" + k_kpi +
                  "content/strategy/x.md:8:21: [typed-value] £5000000" + k_kpi);
}

TEST(ContentValues, TableCellsAreProse) {
    EXPECT_EQ(findings("| Value | Amount |\n|---|---|\n| KPI threshold | £5 million |\n"),
              std::string("content/strategy/x.md:10:19: [typed-value] £5 million") + k_kpi);
}

TEST(ContentValues, OtherAmountsCodeAndShortcodesAreFine) {
    // 8 is a value too, but in working days, not pounds.
    EXPECT_EQ(findings("£5.5 million, £8 and `£5 million` and {{< value kpi.contract_value >}}.\n"), "");
}
