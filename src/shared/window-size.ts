/**
 * The smallest window the layout is made for. Main sets it as the window's minimum size, and the end-to-end
 * tests check at this size that every view fits (nothing off-screen, no sideways scrolling).
 */
export const MIN_WINDOW_SIZE = Object.freeze({ width: 480, height: 480 })
