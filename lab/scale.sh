up_scale() { die "scale: not yet"; }
