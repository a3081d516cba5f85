#include "core/data/cell_texts.h"

#include <algorithm>
#include <stdexcept>

namespace rnnwb {

void CellTexts::reserve(std::size_t cells, std::size_t bytes)
{
    ends_.reserve(cells);
    bytes_.reserve(bytes);
}

void CellTexts::throwTooLong() { throw std::length_error("more than 4 GB of text in one column"); }

bool operator==(const CellTexts& a, const CellTexts& b) { return a.ends_ == b.ends_ && a.bytes_ == b.bytes_; }

bool operator==(const CellTexts& a, const std::vector<std::string>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < b.size(); ++i)
        if (a.view(i) != b[i])
            return false;
    return true;
}

} // namespace rnnwb
