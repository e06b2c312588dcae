import './full-screen-message.css'

export function LoadingScreen() {
  return (
    <main className="full-screen-message full-screen-message--loading" aria-busy="true">
      <p className="full-screen-message__product" role="status">
        Opening Radio Code Desk…
      </p>
    </main>
  )
}
