import './kbd.css'

/** A key or key combination, e.g. <Kbd keys="Alt+3" />. */
export function Kbd({ keys }: { readonly keys: string }) {
  const parts = keys.split('+')
  return (
    <span className="kbd-combo">
      {parts.map((part, index) => (
        <span key={`${part}-${index}`}>
          {index > 0 ? <span className="kbd-combo__plus">+</span> : null}
          <kbd className="kbd">{part}</kbd>
        </span>
      ))}
    </span>
  )
}
