#include "core/formats/prediction_csv.h"

#include "core/base/atomic_file.h"

#include <charconv>

namespace rnnwb {

std::vector<PredictionRow> predictionRows(std::span<const PartPrediction> parts)
{
    std::vector<PredictionRow> rows;
    for (const PartPrediction& p : parts)
        for (std::size_t k = 0; k < p.index.size(); ++k)
            rows.push_back({p.index[k], {}, p.actual[k], p.predicted[k], std::nullopt, std::nullopt, partName(p.part)});
    return rows;
}

std::vector<PredictionRow> forecastRows(const Forecast& f)
{
    std::vector<PredictionRow> rows;
    for (std::size_t h = 0; h < f.forecast.size(); ++h)
        rows.push_back({f.index[h], {}, std::nullopt, f.forecast[h], f.lower[h], f.upper[h], "forecast"});
    return rows;
}

std::string provenanceLines(const Provenance& provenance)
{
    std::string text;
    for (const auto& [key, value] : provenance) {
        std::string line = value;
        for (char& c : line)
            if (c == '\n' || c == '\r')
                c = ' ';
        text += "# " + key + ": " + line + "\n";
    }
    return text;
}

std::string formatNumber(double value)
{
    char buffer[32];
    const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, r.ptr);
}

std::string predictionCsv(const Provenance& provenance, std::span<const PredictionRow> rows, bool withDates)
{
    const auto optional = [](const std::optional<double>& x) { return x ? formatNumber(*x) : std::string(); };
    std::string text = provenanceLines(provenance);
    text
        += withDates ? "index,date,actual,prediction,lower,upper,part\n" : "index,actual,prediction,lower,upper,part\n";
    for (const PredictionRow& r : rows) {
        text += std::to_string(r.index) + ",";
        if (withDates)
            text += r.date + ",";
        text += optional(r.actual) + "," + formatNumber(r.prediction) + "," + optional(r.lower) + ","
                + optional(r.upper) + "," + r.part + "\n";
    }
    return text;
}

void writePredictionCsv(const std::string& path, const Provenance& provenance, std::span<const PredictionRow> rows,
                        bool withDates)
{
    writeFileAtomically(path, predictionCsv(provenance, rows, withDates));
}

} // namespace rnnwb
