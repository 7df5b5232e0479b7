// Counting papers in messages: "1 paper", "3 papers".
export const papers = (n: number): string => `${n} ${n === 1 ? 'paper' : 'papers'}`
