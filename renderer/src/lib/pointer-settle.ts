/*
 * Showing a field's message when it loses focus can move the button that took
 * the focus away, between mouse down and up, so the click is lost (a classic
 * "Save did nothing" at the counter). whenPointerSettles() runs such layout
 * changes after the click has happened; with the keyboard it runs at once.
 */
let pointerIsDown = false

window.addEventListener('pointerdown', () => (pointerIsDown = true), true)
window.addEventListener('pointerup', () => (pointerIsDown = false), true)
window.addEventListener('pointercancel', () => (pointerIsDown = false), true)

export function whenPointerSettles(run: () => void): void {
  if (!pointerIsDown) {
    run()
    return
  }
  const settle = () => {
    window.removeEventListener('pointerup', settle, true)
    window.removeEventListener('pointercancel', settle, true)
    // After this pointerup come mouseup and click; let them land first.
    setTimeout(run, 0)
  }
  window.addEventListener('pointerup', settle, true)
  window.addEventListener('pointercancel', settle, true)
}
