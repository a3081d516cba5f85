#pragma once
// A saved model applied to new data: the column it predicts (or another one) of a table, read
// with the model's own missing-value policy, scaled and windowed with its own scaler and
// configuration, ready for predictions, forecasts and inspection. What `rnnwb predict`,
// `forecast` and `inspect` and the app's Open Model share.
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/training/dataset.h"
#include "core/training/model.h"

#include <stdexcept>
#include <string>

namespace rnnwb {

// Why a model cannot be applied to a table; what() says it in one sentence.
class ModelDataError : public std::invalid_argument {
public:
    enum class Problem { NoSuchColumn, DoesNotFit };
    ModelDataError(Problem problem, const std::string& what) : std::invalid_argument(what), problem_(problem) { }
    Problem problem() const { return problem_; }

private:
    Problem problem_;
};

// The column the model reads: `column` (a name or 0-based index), else the model's own
// column, else (a model that names none) the table's first numeric column. Throws
// ModelDataError (NoSuchColumn), or CsvError when the column holds no usable series.
Series modelSeries(const Model& model, const CsvTable& table, const std::string& column = {});

// The series scaled and windowed as the model was trained. Throws ModelDataError (DoesNotFit)
// when the model's window or preprocessing does not fit it.
Dataset modelDataset(const Model& model, const Series& series);

} // namespace rnnwb
