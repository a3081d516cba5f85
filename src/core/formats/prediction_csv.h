#pragma once
// Predictions and forecasts as a CSV file a spreadsheet or pandas reads as it is:
//
//   # RNN Workbench 1.0 — predictions          ← `#` lines: provenance, "# key: value"
//   # dataset: /data/airline-passengers.csv
//   # dataset_sha256: 5f1c…
//   # column: Passengers
//   # config: {"cell":"lstm",…}
//   # seed: 0
//   # metrics: {"test":{"rmse":…}}
//   index,date,actual,prediction,lower,upper,part
//   5,1949-06-01,135,128.4,,,train
//   144,1961-01-01,,447.1,421.9,470.3,forecast
//
// One row per target: its series index, its date (column present only when the data has
// dates), the actual value (empty past the data's end), the prediction, the interval (empty for
// one-step predictions) and the part (train, validation, test, forecast). Numbers are written
// in the shortest form that reads back to the same double.
#include "core/forecast/forecast.h"
#include "core/training/model.h"

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace rnnwb {

// "# key: value" lines, in order; line breaks inside a value become spaces.
using Provenance = std::vector<std::pair<std::string, std::string>>;

struct PredictionRow {
    std::size_t index = 0;
    std::string date;             // empty without dates
    std::optional<double> actual; // none past the data's end
    double prediction = 0.0;
    std::optional<double> lower, upper; // a forecast's interval
    std::string part;                   // train, validation, test, forecast
};

// One row per target of every part, in the order given.
std::vector<PredictionRow> predictionRows(std::span<const PartPrediction> parts);
// One row per forecast step, with its interval.
std::vector<PredictionRow> forecastRows(const Forecast& forecast);

// The `#` lines of a provenance ("# key: value\n" each).
std::string provenanceLines(const Provenance& provenance);
// The shortest text that reads back to the same double ("nan" and "inf" never occur in a
// prediction; they are written as such if they do).
std::string formatNumber(double value);
std::string predictionCsv(const Provenance& provenance, std::span<const PredictionRow> rows, bool withDates);
// predictionCsv written atomically (atomic_file.h). Throws std::runtime_error naming the path.
void writePredictionCsv(const std::string& path, const Provenance& provenance, std::span<const PredictionRow> rows,
                        bool withDates);

} // namespace rnnwb
