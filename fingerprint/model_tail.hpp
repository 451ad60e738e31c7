#pragma once
// What banners put after a model code: a release ("SW 2.20", "Ver.2.1", "4.5.0.17"), a serial ("SN 1796"),
// what the device is ("Managed Switch", "Microwave Router"), its software ("NimbleOS", "BMC") or print
// resolution ("203dpi"). None of it is the model.
#include <string>
#include <vector>

namespace nd::fp {

// Drops such a tail from a model's words, as long as a model code (a word with a digit) stays in front.
void drop_model_tail(std::vector<std::string>& words);

}  // namespace nd::fp
