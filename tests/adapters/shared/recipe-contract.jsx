// The Astro recipe "Share state between islands" as React and Preact share
// it: the recipe's three components, each mounted as a separate island (own
// root), tested once and run by each adapter's recipe.test.jsx with its own
// framework and its own copies of the components (fixtures/components, which
// import that adapter). No JSX pragma: each vitest project compiles this file
// with its framework's JSX runtime.
//
// env: what the calling test file provides.
//   island(element)   mounts `element` in a new root of its own, inside act();
//                     returns the root's element
//   act(fn)           the framework's act()
//   components        { AddToCartForm, CartFlyout, CartFlyoutToggle }
//   stores            the fixtures' { cartItems, isCartOpen }
import { expect, test } from 'vitest'

export function recipeContract({ island, act, components, stores }) {
  let { AddToCartForm, CartFlyout, CartFlyoutToggle } = components
  let { cartItems, isCartOpen } = stores

  function page() {
    let toggle = island(<CartFlyoutToggle />)
    let form = island(
      <AddToCartForm>
        <button type="submit">Add to cart</button>
      </AddToCartForm>
    )
    let flyout = island(<CartFlyout />)
    return { toggle, form, flyout }
  }

  function click(el) {
    act(() => el.dispatchEvent(new MouseEvent('click', { bubbles: true })))
  }

  function submit(form) {
    let event = new Event('submit', { bubbles: true, cancelable: true })
    act(() => form.dispatchEvent(event))
    return event
  }

  test('the flyout starts closed; the toggle opens and closes it', () => {
    let { toggle, flyout } = page()
    expect(flyout.innerHTML).toBe('')

    click(toggle.querySelector('button'))
    expect(isCartOpen.get()).toBe(true)
    expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')

    click(toggle.querySelector('button'))
    expect(isCartOpen.get()).toBe(false)
    expect(flyout.innerHTML).toBe('')
  })

  test('adding to cart opens the flyout and lists the item with its quantity', () => {
    let { form, flyout } = page()
    let event = submit(form.querySelector('form'))
    expect(event.defaultPrevented).toBe(true)

    let items = flyout.querySelectorAll('li')
    expect(items).toHaveLength(1)
    expect(items[0].querySelector('h3').textContent).toBe('Astronaut Figurine')
    expect(items[0].querySelector('img').getAttribute('src')).toBe('/images/astronaut-figurine.png')
    expect(items[0].querySelector('p').textContent).toBe('Quantity: 1')

    submit(form.querySelector('form'))
    expect(flyout.querySelectorAll('li')).toHaveLength(1)
    expect(flyout.querySelector('li p').textContent).toBe('Quantity: 2')
    expect(cartItems.get()['astronaut-figurine'].quantity).toBe(2)
  })

  test('the toggle reflects a flyout opened by the form', () => {
    let { toggle, form, flyout } = page()
    submit(form.querySelector('form'))
    // The toggle read isCartOpen = true, so the next click closes.
    click(toggle.querySelector('button'))
    expect(flyout.innerHTML).toBe('')
    click(toggle.querySelector('button'))
    expect(flyout.querySelector('li p').textContent).toBe('Quantity: 1')
  })

  test('a store written outside any component updates the islands', () => {
    let { flyout } = page()
    act(() => {
      isCartOpen.set(true)
      cartItems.setKey('moon-rock', {
        id: 'moon-rock',
        name: 'Moon Rock',
        imageSrc: '/images/moon-rock.png',
        quantity: 3
      })
    })
    expect(flyout.querySelector('h3').textContent).toBe('Moon Rock')
    expect(flyout.querySelector('li p').textContent).toBe('Quantity: 3')

    act(() => cartItems.setKey('moon-rock', undefined))
    expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')
  })
}
