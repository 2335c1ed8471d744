import { expect, test } from '@playwright/test';
import { EnterprisesPage } from './pages/enterprises-page';
import { PeoplePage } from './pages/people-page';
import { makeTrainees } from './fixtures/trainees';
import { buildCreditCode } from '../renderer/src/domain/credit-code';
import { buildResidentId, maskIdNumber } from '../renderer/src/domain/resident-id';

const CREDIT_CODE = buildCreditCode('91320412MA1XYW123');
/** The same code with another check character: one wrong last character, the commonest typing slip. */
const WRONG_CHECK = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE.endsWith('1') ? '2' : '1');

test('an enterprise with a wrong credit code is refused with the reason, and saved once it is corrected', async ({
  page,
}) => {
  const enterprises = new EnterprisesPage(page);
  await enterprises.open('/enterprises');
  await enterprises.expectHeading('企业');
  // An empty register says what to do next.
  await expect(page.getByText('企业库是空的')).toBeVisible();

  await enterprises.openNew();
  await enterprises.fill({
    name: '青山精细化工有限公司',
    creditCode: WRONG_CHECK,
    town: '青山镇',
    industry: '危险化学品',
    aboveDesignatedSize: true,
  });
  await expect(enterprises.fieldError('统一社会信用代码校验位不正确，请核对最后一位')).toBeVisible();
  await enterprises.save();
  await expect(enterprises.fieldError('统一社会信用代码校验位不正确，请核对最后一位')).toBeVisible();
  await expect(enterprises.drawer()).toBeVisible();

  // Each way of being wrong has its own message, as the code is typed.
  await enterprises.field('统一社会信用代码').fill(CREDIT_CODE.slice(0, 12));
  await expect(enterprises.fieldError('统一社会信用代码应为18位，请检查位数')).toBeVisible();
  await enterprises.field('统一社会信用代码').fill(`${CREDIT_CODE.slice(0, 17)}O`);
  await expect(enterprises.fieldError('统一社会信用代码只能由数字和大写字母组成')).toBeVisible();

  // Corrected, as it is printed on a licence: in groups, in lower case. It is stored normalised.
  const printed = `${CREDIT_CODE.slice(0, 2)} ${CREDIT_CODE.slice(2, 8)} ${CREDIT_CODE.slice(8).toLowerCase()}`;
  await enterprises.field('统一社会信用代码').fill(printed);
  await expect(enterprises.fieldError(/统一社会信用代码(校验位|应为|只能)/)).toHaveCount(0);
  await enterprises.save();
  await expect(enterprises.toast('企业“青山精细化工有限公司”已保存')).toBeVisible();
  const row = enterprises.row('青山精细化工有限公司');
  await expect(row).toContainText(CREDIT_CODE);
  await expect(row).toContainText('青山镇');
  await expect(row).toContainText('危险化学品');
  await expect(row).toContainText('高危');
  await expect(row).toContainText('规上');

  // Found by a fragment of the code; opened on its own page.
  await enterprises.searchBox.fill(CREDIT_CODE.slice(8, 14).toLowerCase());
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: '青山精细化工有限公司' }).click();
  await enterprises.expectHeading(/青山精细化工有限公司/);
  await expect(page.getByText('这家企业还没有登记人员')).toBeVisible();
});

test('a trainee is found by pinyin initials and by a fragment of the ID number, shown masked', async ({
  page,
}) => {
  const people = new PeoplePage(page);
  const zhang = {
    name: '张三丰',
    idNumber: buildResidentId('320402', '1983-03-20', 663),
    phone: '13912345678',
  };
  const [other1, other2] = makeTrainees(2, 3) as [
    ReturnType<typeof makeTrainees>[number],
    ReturnType<typeof makeTrainees>[number],
  ];
  await people.open('/people');
  await people.expectHeading('学员');
  for (const person of [zhang, { ...other1, name: '张三' }, { ...other2, name: '李娜' }]) {
    await people.createPerson(person);
  }
  await expect(people.resultRows).toHaveCount(3);

  await people.search('zsf');
  await expect(people.resultRows).toHaveCount(1);
  await expect(people.row('张三丰')).toBeVisible();
  await expect(people.row('张三丰')).toContainText(maskIdNumber(zhang.idNumber));
  await expect(people.row('张三丰')).not.toContainText(zhang.idNumber);

  // Initials as a prefix: the whole match first.
  await people.search('zs');
  await expect(people.resultRows).toHaveCount(2);
  await expect(people.resultRows.first()).toContainText('张三');
  await expect(people.resultRows.first()).not.toContainText('张三丰');

  // Eight digits from the middle of the number (the birth date, which the masked form hides).
  await people.search(zhang.idNumber.slice(6, 14));
  await expect(people.resultRows).toHaveCount(1);
  await expect(people.row('张三丰')).toBeVisible();

  await people.search('1391234');
  await expect(people.resultRows).toHaveCount(1);
  await expect(people.row('张三丰')).toBeVisible();

  await people.search('王');
  await expect(page.getByText('没有符合条件的学员')).toBeVisible();

  // The person's page: particulars read from the ID, the number masked until revealed on purpose.
  await people.search('zsf');
  await people.row('张三丰').getByRole('link', { name: '张三丰' }).click();
  await people.expectHeading(/张三丰/);
  await expect(page.getByText('1983年3月20日')).toBeVisible();
  await expect(page.getByText('江苏（320402）')).toBeVisible();
  await expect(page.getByText(zhang.idNumber)).toHaveCount(0);
  await page.getByRole('button', { name: '显示张三丰的完整证件号' }).click();
  await expect(page.getByText(zhang.idNumber)).toBeVisible();
});

test('two records of one person are merged, and the merge is undone', async ({ page }) => {
  const people = new PeoplePage(page);
  const [wang] = makeTrainees(1, 11) as [ReturnType<typeof makeTrainees>[number]];
  await people.open('/people');
  await people.createPerson({ name: '王建国', idNumber: wang.idNumber });
  await people.createPerson({ name: '王建国', idType: '护照', idNumber: 'e1234 5678', phone: '13800001111' });
  // One number is one person: registering the same ID again is refused, naming who has it.
  await page.getByRole('button', { name: '新建学员' }).first().click();
  await people.drawer().getByLabel('姓名', { exact: true }).fill('王建华');
  await people.drawer().getByLabel('身份证号').fill(wang.idNumber);
  await expect(people.drawer().getByText('该证件号已登记为 王建国')).toBeVisible();
  await people.drawer().getByRole('button', { name: '取消' }).click();

  await people.search('wjg');
  await expect(people.resultRows).toHaveCount(2);
  await people.mergeRows([people.resultRows.nth(0), people.resultRows.nth(1)], '居民身份证');
  await expect(people.toast('已合并到 王建国')).toBeVisible();
  await expect(people.resultRows).toHaveCount(1);
  // The kept record took the phone number it lacked.
  await expect(people.resultRows.first()).toContainText('13800001111');
  await expect(people.resultRows.first()).toContainText(maskIdNumber(wang.idNumber));

  await page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
  await expect(people.toast('已撤销合并，两条记录已恢复')).toBeVisible();
  await expect(people.resultRows).toHaveCount(2);
  await expect(people.row(maskIdNumber('E12345678'))).toHaveCount(1);
  await expect(people.row(maskIdNumber(wang.idNumber))).not.toContainText('13800001111');

  // The merge stays in the history, marked undone.
  await page.getByRole('button', { name: '合并记录' }).click();
  await expect(people.drawer().getByText('已撤销')).toBeVisible();
});
