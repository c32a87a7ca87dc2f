// Which React this project runs on: 19 from the root, 18 in the react18
// project (vitest.jsx.config.mjs sets EXPECT_REACT), so a broken alias shows.
import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { expect, test } from 'vitest'

test('runs on the React major the project names', () => {
  let expected = process.env.EXPECT_REACT || '19'
  expect(version.split('.')[0]).toBe(expected)
  expect(domVersion.split('.')[0]).toBe(expected)
})
