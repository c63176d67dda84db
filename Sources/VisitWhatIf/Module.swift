// What-if comparisons: see WhatIf.swift.
