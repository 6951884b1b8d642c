#!/usr/bin/env dkscript
// With a #! line, error positions still count it.
undefinedFunction();
