#pragma once
// The text of a column's cells, packed: all the bytes in one buffer and where each cell ends.
// A std::vector<std::string> costs 32 bytes a cell before any text, and a heap block for every
// cell over 15 bytes; a million dates ("1900-01-01") made 32 MB of strings, this makes 14 MB.
#include "core/base/huge_pages.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rnnwb {

class CellTexts {
public:
    // Room for `cells` cells of `bytes` bytes in all (so that push_back does not reallocate).
    void reserve(std::size_t cells, std::size_t bytes);
    // Appends a cell. Throws std::length_error past 4 GB of text in one column.
    void push_back(std::string_view cell)
    {
        if (cell.size() > kMaxBytes - bytes_.size())
            throwTooLong();
        bytes_.insert(bytes_.end(), cell.begin(), cell.end());
        ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    }

    std::size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }
    // Cell i, valid while this object lives unchanged.
    std::string_view view(std::size_t i) const
    {
        const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
        return {bytes_.data() + begin, ends_[i] - begin};
    }
    // Cell i as a string of its own.
    std::string operator[](std::size_t i) const { return std::string(view(i)); }

    friend bool operator==(const CellTexts& a, const CellTexts& b);
    friend bool operator==(const CellTexts& a, const std::vector<std::string>& b);

private:
    static constexpr std::size_t kMaxBytes = UINT32_MAX;
    [[noreturn]] static void throwTooLong();

    HugeVector<char> bytes_;
    HugeVector<std::uint32_t> ends_; // one past each cell's last byte in bytes_
};

} // namespace rnnwb
