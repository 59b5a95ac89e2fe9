#pragma once

// What every benchmark executable shares: timing, medians, and the one output format
// "name: value (baseline name: value)" that docs/performance.md records.

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace Pult::Bench {

inline double msOf(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto index =
        std::size_t(std::clamp(p * double(v.size()) - 1.0, 0.0, double(v.size() - 1)));
    return v[index];
}

inline double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

inline void report(const char *name, double value, const char *baselineName, double baseline)
{
    std::printf("%s: %.3f (baseline %s: %.3f)\n", name, value, baselineName, baseline);
    std::fflush(stdout);
}

} // namespace Pult::Bench
