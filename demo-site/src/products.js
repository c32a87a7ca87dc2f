// One product per framework: each framework's AddToCartForm adds its own.
export const products = [
  {
    id: 'astronaut-figurine',
    name: 'Astronaut Figurine',
    imageSrc: '/images/astronaut-figurine.svg',
    price: 24.0,
    blurb: 'Hand-painted, 12 cm tall, ready for launch.',
    framework: 'react',
  },
  {
    id: 'rocket-mug',
    name: 'Rocket Mug',
    imageSrc: '/images/rocket-mug.svg',
    price: 14.5,
    blurb: 'Keeps your coffee warm through re-entry.',
    framework: 'preact',
  },
  {
    id: 'moon-lamp',
    name: 'Moon Lamp',
    imageSrc: '/images/moon-lamp.svg',
    price: 39.0,
    blurb: 'A soft full moon for your bedside table.',
    framework: 'vue',
  },
  {
    id: 'comet-socks',
    name: 'Comet Socks',
    imageSrc: '/images/comet-socks.svg',
    price: 9.99,
    blurb: 'Two pairs, trailing stardust.',
    framework: 'svelte',
  },
  {
    id: 'saturn-poster',
    name: 'Saturn Poster',
    imageSrc: '/images/saturn-poster.svg',
    price: 18.0,
    blurb: 'Ringed giant, A3, matte print.',
    framework: 'solid',
  },
];

export const frameworks = {
  react: { label: 'React', color: '#087ea4' },
  preact: { label: 'Preact', color: '#673ab8' },
  vue: { label: 'Vue', color: '#2f9768' },
  svelte: { label: 'Svelte', color: '#e03a00' },
  solid: { label: 'Solid', color: '#2c4f7c' },
};
