#include "content/review.h"

#include <algorithm>

namespace tk {

toml::date add_months(toml::date d, int months) {
    int total = int(d.year) * 12 + (int(d.month) - 1) + months;
    toml::date r;
    r.year = uint16_t(total / 12);
    r.month = uint8_t(total % 12 + 1);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int dim = days[r.month - 1];
    if (r.month == 2 && ((r.year % 4 == 0 && r.year % 100 != 0) || r.year % 400 == 0)) dim = 29;
    r.day = uint8_t(std::min<int>(d.day, dim));
    return r;
}

std::optional<toml::date> review_due_date(const Page& p, int interval_months) {
    if (p.review_by) return p.review_by;
    if (p.last_reviewed) return add_months(*p.last_reviewed, interval_months);
    return std::nullopt;
}

bool is_due_for_review(const Page& p, int interval_months, const toml::date& today) {
    auto d = review_due_date(p, interval_months);
    return d && *d < today;
}

}  // namespace tk
