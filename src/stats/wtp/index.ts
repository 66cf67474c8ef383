/** Willingness to pay from survey answers: Van Westendorp's price sensitivity meter and Gabor–Granger's demand by price. */
export * from './van-westendorp.js';
export * from './gabor-granger.js';
