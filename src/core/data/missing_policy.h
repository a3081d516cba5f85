#pragma once
// What happens to a missing value of the chosen column: its row is dropped, or it is filled in
// by linear interpolation between its neighbours (series.h).

namespace rnnwb {

enum class MissingPolicy { Drop, Interpolate };

} // namespace rnnwb
