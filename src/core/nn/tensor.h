#pragma once
// Matrix vocabulary of the numerical core.
//
// Activations are column-major with one column per (time step, sample): column t*B + b holds
// sample b at step t, so the columns of one time step are contiguous and a whole sequence is
// one matrix for the GEMMs that do not depend on the recurrence.
// Weights are stored row-major, exactly as PyTorch lays out a state_dict tensor, so that the
// flat parameter vector is byte-for-byte the model file's data.
#include <Eigen/Core>

namespace rnnwb {

template <typename S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
template <typename S>
using Vec = Eigen::Matrix<S, Eigen::Dynamic, 1>;
template <typename S>
using RowMajorMat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename S>
using WeightMap = Eigen::Map<RowMajorMat<S>>;
template <typename S>
using ConstWeightMap = Eigen::Map<const RowMajorMat<S>>;
template <typename S>
using VecMap = Eigen::Map<Vec<S>>;
template <typename S>
using ConstVecMap = Eigen::Map<const Vec<S>>;
// A run of whole columns of a matrix (e.g. the columns of some time steps).
template <typename S>
using Cols = Eigen::Block<Mat<S>, Eigen::Dynamic, Eigen::Dynamic, true>;
template <typename S>
using ConstCols = Eigen::Block<const Mat<S>, Eigen::Dynamic, Eigen::Dynamic, true>;

} // namespace rnnwb
