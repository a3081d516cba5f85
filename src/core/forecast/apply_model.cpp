#include "core/forecast/apply_model.h"

namespace rnnwb {

Series modelSeries(const Model& model, const CsvTable& table, const std::string& column)
{
    std::size_t index = 0;
    try {
        index = chosenColumn(table, column.empty() ? model.columnName : column);
    } catch (const std::invalid_argument& e) {
        throw ModelDataError(ModelDataError::Problem::NoSuchColumn, e.what());
    }
    return extractSeries(table, index, model.config.missing);
}

Dataset modelDataset(const Model& model, const Series& series)
{
    try {
        return Dataset::withScaler(series.values, model.config, model.scaler, series.line);
    } catch (const std::invalid_argument& e) {
        throw ModelDataError(ModelDataError::Problem::DoesNotFit, e.what());
    }
}

} // namespace rnnwb
