// Fifty searches of the kinds researchers type: single words, prefixes as
// they type, phrases, qualifiers, year ranges, exclusions, accents.
export const BENCH_QUERIES: string[] = [
  'oxytocin', 'vasopressin', 'orexin', 'stress', 'cocaine', 'addiction', 'receptor', 'mice', 'amygdala', 'social',
  'oxy', 'vaso', 'cort', 'neuro', 'dop', 'a', 'st', 'rat', 'beh', 'alc',
  '"social defeat"', '"oxytocin receptor"', '"conditioned place preference"', '"nucleus accumbens"', '"self-administration"',
  'author:smith', 'author:miñarro', 'author:garcia', 'title:oxytocin', 'title:stress',
  'year:2019', 'year:2015-2021', 'year:1990-1999', 'journal:neuropsychopharmacology', 'journal:"j neurosci"',
  'mesh:oxytocin', 'mesh:"social behavior"', 'tag:review', 'tag:important', 'keyword:addiction',
  'oxytocin -vasopressin', 'stress -mice', 'cocaine year:2010-2020', 'author:lee oxytocin', 'orexin sleep',
  'minarro', 'rodriguez-arias', 'crf stress', 'npy anxiety', 'doi:10.1000'
]
